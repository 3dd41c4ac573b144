package cn.qinghai.ledger.events.meeting;

import java.time.LocalDate;
import java.util.List;

/** A task an agreed matter gives to a lead unit (牵头单位) and co-units (配合单位), due on a date. */
public record TaskSpec(String taskId, String title, String leadUnitCode, List<String> coUnitCodes, LocalDate dueDate) {}
