package cn.qinghai.ledger.command.lookup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** The rows of the command-side lookup tables (JPA entities, in the event store's database). */
final class LookupRows {

    private LookupRows() {}

    @Entity(name = "LookupConference")
    @Table(name = "lookup_conference")
    static class ConferenceRow {
        @Id
        @Column(length = 64)
        String conferenceId;

        boolean dissolved;
        /** Null in lookups written before the date was kept (refilled when the lookups are rebuilt). */
        LocalDate establishedOn;

        protected ConferenceRow() {}

        ConferenceRow(String conferenceId, LocalDate establishedOn) {
            this.conferenceId = conferenceId;
            this.establishedOn = establishedOn;
        }
    }

    @Entity(name = "LookupUnit")
    @Table(name = "lookup_unit", indexes = @Index(columnList = "conferenceId"))
    static class UnitRow {
        @Id
        @Column(length = 130)
        String id;

        @Column(length = 64)
        String conferenceId;

        @Column(length = 64)
        String unitCode;

        String name;
        boolean active;

        protected UnitRow() {}

        UnitRow(String conferenceId, String unitCode, String name) {
            this.id = conferenceId + "/" + unitCode;
            this.conferenceId = conferenceId;
            this.unitCode = unitCode;
            this.name = name;
            this.active = true;
        }
    }

    @Entity(name = "LookupSeat")
    @Table(name = "lookup_seat", indexes = @Index(columnList = "conferenceId"))
    static class SeatRow {
        @Id
        @Column(length = 130)
        String id;

        @Column(length = 64)
        String conferenceId;

        @Column(length = 64)
        String personId;

        String name;

        @Column(length = 20)
        String role;

        @Column(length = 64)
        String unitCode;

        protected SeatRow() {}

        SeatRow(String conferenceId, String personId, String name, String role, String unitCode) {
            this.id = conferenceId + "/" + personId;
            this.conferenceId = conferenceId;
            this.personId = personId;
            this.name = name;
            this.role = role;
            this.unitCode = unitCode;
        }
    }

    /** One row per unit a task involves (lead or co-unit), open until the task is closed. */
    @Entity(name = "LookupTaskUnit")
    @Table(
            name = "lookup_task_unit",
            indexes = {@Index(columnList = "taskId"), @Index(columnList = "conferenceId,unitCode")})
    static class TaskUnitRow {
        @Id
        @Column(length = 130)
        String id;

        @Column(length = 64)
        String taskId;

        @Column(length = 64)
        String conferenceId;

        @Column(length = 64)
        String unitCode;

        boolean open;

        protected TaskUnitRow() {}

        TaskUnitRow(String taskId, String conferenceId, String unitCode) {
            this.id = taskId + "/" + unitCode;
            this.taskId = taskId;
            this.conferenceId = conferenceId;
            this.unitCode = unitCode;
            this.open = true;
        }
    }

    /** 文号 of issued minutes: unique across all meetings. */
    @Entity(name = "LookupMinutesNumber")
    @Table(name = "lookup_minutes_number")
    static class MinutesNumberRow {
        @Id
        @Column(length = 100)
        String documentNo;

        @Column(length = 64)
        String meetingId;

        protected MinutesNumberRow() {}

        MinutesNumberRow(String documentNo, String meetingId) {
            this.documentNo = documentNo;
            this.meetingId = meetingId;
        }
    }

    /**
     * 议定事项 carried by issued minutes: the meeting, the matter, and the minutes that first issued it
     * (their number in its normal form and the issue date). A roster change citing minutes names one.
     */
    @Entity(name = "LookupIssuedMatter")
    @Table(name = "lookup_issued_matter")
    static class IssuedMatterRow {
        @Id
        @Column(length = 140)
        String id;

        @Column(length = 64)
        String meetingId;

        @Column(length = 64)
        String decisionId;

        @Column(length = 100)
        String documentNo;

        LocalDate issuedOn;

        protected IssuedMatterRow() {}

        IssuedMatterRow(String meetingId, String decisionId, String documentNo, LocalDate issuedOn) {
            this.id = meetingId + "/" + decisionId;
            this.meetingId = meetingId;
            this.decisionId = decisionId;
            this.documentNo = documentNo;
            this.issuedOn = issuedOn;
        }
    }

    /** 文号 of issued circulars (通报), in their normal form: unique across all circulars. */
    @Entity(name = "LookupCircularNumber")
    @Table(name = "lookup_circular_number")
    static class CircularNumberRow {
        @Id
        @Column(length = 100)
        String documentNo;

        @Column(length = 64)
        String circularId;

        protected CircularNumberRow() {}

        CircularNumberRow(String documentNo, String circularId) {
            this.documentNo = documentNo;
            this.circularId = circularId;
        }
    }
}
