package cn.qinghai.ledger.events.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MinutesDocumentNumberTest {

    @Test
    void everySpellingOfANumberIsTheSameNumberInHexagonalBrackets() {
        for (String typed : new String[] {
            "青联办纪〔2025〕3号",
            "青联办纪[2025]3号",
            "青联办纪(2025)3号",
            "青联办纪（2025）3号",
            "青联办纪【2025】3号",
            "青联办纪［2025］3号",
            " 青联办纪 〔2025〕 3号 ",
            "青联办纪\u3000（2025）\u30003号",
            "青联办纪\u00a0[2025]3 号",
            "青联办纪〔２０２５〕３号",
            "青联办纪〔2025〕03号"
        }) {
            assertThat(MinutesDocumentNumber.normalise(typed)).as(typed).isEqualTo("青联办纪〔2025〕3号");
        }
    }

    @Test
    void differentSeriesYearsOrSerialsStayDifferent() {
        assertThat(MinutesDocumentNumber.normalise("青联办纪[2025]30号")).isEqualTo("青联办纪〔2025〕30号");
        assertThat(MinutesDocumentNumber.normalise("青联办纪[2024]3号")).isEqualTo("青联办纪〔2024〕3号");
        assertThat(MinutesDocumentNumber.normalise("青婴托联[2025]3号")).isEqualTo("青婴托联〔2025〕3号");
    }

    @Test
    void theNumberIsReadIntoItsParts() {
        assertThat(MinutesDocumentNumber.parse("青联办纪（2025）12号")).contains(new MinutesDocumentNumber("青联办纪", 2025, 12));
        assertThat(new MinutesDocumentNumber("青联办纪", 2025, 4).toString()).isEqualTo("青联办纪〔2025〕4号");
    }

    @Test
    void textWithoutTheShapeOfANumberIsKeptWithoutItsSpaces() {
        assertThat(MinutesDocumentNumber.parse("第 3 次会议纪要")).isEmpty();
        assertThat(MinutesDocumentNumber.normalise("第 3 次会议纪要")).isEqualTo("第3次会议纪要");
        assertThat(MinutesDocumentNumber.normalise("青联办纪〔25〕3号")).isEqualTo("青联办纪〔25〕3号");
        assertThat(MinutesDocumentNumber.normalise(null)).isNull();
        assertThat(MinutesDocumentNumber.parse("〔2025〕3号")).isEmpty(); // no prefix, no series
    }
}
