package cn.qinghai.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The dashboard in a real browser (headless Chromium from the Debian packages, driven by Selenium)
 * against the whole application: signing in, the board in Chinese, live updates, a unit's and the
 * office's work, a plenary from convening to issued minutes, refusals and stale forms. Screenshots
 * land in {@code target/screenshots}; with {@code -Dledger.user-guide.write=true} they also replace the
 * pictures of the user guide ({@code docs/user-guide/}), so the guide shows what the dashboard shows.
 * Skipped, with a message, where Chromium is not installed.
 */
class DashboardBrowserTest {

    static final String CID = "qh-infant-care";
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Path USER_GUIDE = Path.of("..", "docs", "user-guide");
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @TempDir
    static Path dataDir;

    static StandaloneLedger ledger;
    static ConfigurableApplicationContext app;
    static LedgerApi api;
    static String base;

    @TempDir
    Path profile;

    WebDriver browser;
    WebDriverWait wait;

    @BeforeAll
    static void start() throws IOException {
        assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser tests skipped: /usr/bin/chromium or /usr/bin/chromedriver is missing "
                        + "(apt-get install -y chromium chromium-driver)");
        Files.createDirectories(SCREENSHOTS);
        // Started here, not by @LedgerTest: only where the browser is there to drive it.
        ledger = StandaloneLedger.on(dataDir)
                .awaitRoster(LocalDate.now(ZONE).toString())
                .start();
        app = ledger.app();
        api = ledger.api();
        base = ledger.base();
    }

    @AfterAll
    static void stop() {
        if (ledger != null) {
            ledger.close();
        }
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aViewerSeesTheUnitsInChineseOpensAUnitAndATaskAndWatchesProgressArriveWithoutReload() {
        assign("live-1", "统计全省普惠托位数", "education", List.of("finance"), 20);
        open();
        signIn("viewer");

        waitForText("main", "成员单位工作台账");
        wait.until(d -> d.findElements(By.cssSelector(".unit-card")).size() == 16);
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
        String board = text("main");
        assertThat(board).contains("省教育厅", "省卫生健康委", "国家税务总局青海省税务局", "牵头在办", "按期办结率");
        assertThat(board).containsAnyOf("绿灯", "黄灯", "红灯");
        // 决定依据: the seed's units were added by the notice itself
        assertThat(text("[data-unit=education] .decided-by")).isEqualTo("决定依据：印发文件：青政办函〔2021〕138号（2021年8月12日）");
        waitForText("header", "实时"); // the board follows the live stream of /api/live/units and /api/live/tasks
        assertThat(text("header")).contains("只读用户", "单位看板", "督办事项");
        screenshot("01-board-viewer");

        click("[data-unit=education] h3 a");
        waitForText(".page-title", "省教育厅");
        waitForText("main", "统计全省普惠托位数");
        assertThat(text("main")).contains("加入依据", "青政办函〔2021〕138号");
        screenshot("02-unit-education");

        click("main a.task-link");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-task=live-1]")));
        assertThat(text("main")).contains("尚未报送进展", "省财政厅", "已交办");
        js("window.notReloaded = true;");

        expect(api.post("unit-education", "/api/tasks/live-1/acknowledgement", "{}"), 200);
        expect(
                api.post(
                        "unit-education",
                        "/api/tasks/live-1/progress",
                        "{\"percentComplete\":30,\"summary\":\"已摸底西宁、海东两市托位情况\"}"),
                200);

        wait.withTimeout(Duration.ofSeconds(30)).until(d -> text("main").contains("已摸底西宁、海东两市托位情况"));
        assertThat(text("main")).contains("30%", "办理中");
        assertThat(js("return window.notReloaded === true;"))
                .as("the page was updated in place")
                .isEqualTo(true);
        screenshot("03-task-progress-arrived");

        click("#lang");
        waitForText("header", "Unit board");
        waitForText("main", "Progress reports");
        assertThat(text("main")).contains("In progress", "Co-units");
        screenshot("03b-task-in-english");
        click("#lang");
        waitForText("header", "单位看板");
    }

    @Test
    void aUnitReportsProgressAndCompletesTheOfficeSeesItOnTheBoardAndClosesTheTask() {
        assign("close-1", "制定托育机构备案管理办法", "civil-affairs", List.of("market-regulation"), 30);
        open();
        signIn("unit-civil-affairs");

        wait.until(d -> d.getCurrentUrl().endsWith("#/mine"));
        waitForText("main", "制定托育机构备案管理办法");
        assertThat(text("main")).contains("我的任务", "本单位：省民政厅", "牵头事项");
        screenshot("04-unit-my-tasks");

        click("main a.task-link");
        click("[data-form='task-close-1-ack'] button[type=submit]");
        waitForText(".page-head", "已签收");
        wait.until(d -> d.findElements(By.cssSelector("[data-form='task-close-1-progress']"))
                        .size()
                == 1);
        String progress = "[data-form='task-close-1-progress'] ";
        typeInto(progress + "textarea[name=summary]", "已起草办法初稿并完成部门会签");
        typeInto(progress + "input[name=percentComplete]", "80", Keys.ENTER); // Enter in a field sends the form
        waitForText(progress + ".form-msg", "进展已报送");
        waitForText(".timeline", "已起草办法初稿并完成部门会签");

        openAction("task-close-1-completion");
        String completion = "[data-form='task-close-1-completion'] ";
        // Completion means 100 %: the form says so while the last report is below it.
        waitForText(completion, "当前 80%");
        typeInto(progress + "textarea[name=summary]", "备案管理办法已印发实施");
        typeInto(progress + "input[name=percentComplete]", "100", Keys.ENTER);
        waitForText(".timeline", "备案管理办法已印发实施");
        waitForText(completion, "最新报送进度为 100%");
        typeInto(completion + "textarea[name=summary]", "备案管理办法已印发实施");
        typeInto(completion + "textarea[name=evidence]", "青民发〔2026〕12号\n备案办法全文.pdf");
        click(completion + "button[type=submit]");
        waitForText(".page-head", "待销号");
        assertThat(text("main")).contains("办结报告", "备案办法全文.pdf");
        screenshot("05-unit-completion-submitted");

        signOut();
        signIn("office");
        waitForText("main", "成员单位工作台账");
        WebElement card = wait.until(d -> d.findElement(By.cssSelector("[data-unit=civil-affairs]")));
        assertThat(card.getText()).contains("省民政厅").doesNotContain("最近报送：暂无");
        screenshot("06-office-board");

        click("[data-unit=civil-affairs] h3 a");
        waitForText("main", "制定托育机构备案管理办法");
        click("main a.task-link");
        waitForText(".page-head", "待销号");
        openAction("task-close-1-close");
        typeInto("[data-form='task-close-1-close'] textarea[name=note]", "材料齐全，同意销号");
        click("[data-form='task-close-1-close'] button[type=submit]");
        waitForText(".page-head", "已销号");
        waitForText("main", "按期办结");
        screenshot("07-office-closed-task");
    }

    @Test
    void theOfficeRunsAPlenaryFromConveningToIssuedMinutesAndSeesItsTasks() {
        open();
        signIn("office");
        go("#/meetings");
        openAction("convene-meeting");
        String convene = "[data-form='convene-meeting'] ";
        assertThat(new Select(find(convene + "select[name=convenedBy]"))
                        .getFirstSelectedOption()
                        .getText())
                .startsWith("匡湧");
        typeInto(convene + "input[name=topic]", "2026年第二次全体会议");
        // Held yesterday: its minutes are signed today, and may not be signed before the meeting's day.
        setValue(convene + "input[name=scheduledAt]", LocalDate.now(ZONE).minusDays(1) + "T09:30");
        typeInto(convene + "input[name=location]", "省政府第一会议室");
        typeInto(convene + "textarea[name=invitedDepartments]", "省委宣传部\n省委编办");
        click(convene + "button[type=submit]");
        wait.until(d -> d.getCurrentUrl().contains("#/meetings/m-"));
        String mid = browser.getCurrentUrl().replaceAll(".*#/meetings/", "");
        waitForText(".page-head", "纪要起草中");

        openAction("meeting-" + mid + "-attendance");
        String attendance = "[data-form='meeting-" + mid + "-attendance'] ";
        choose(attendance + "select[name='rows[3].present']", "请假");
        typeInto(attendance + "input[name='rows[3].reason']", "同期参加全国会议");
        typeInto(attendance + "input[name='rows[0].standInName']", "李明");
        typeInto(attendance + "input[name='rows[0].standInTitle']", "副主任");
        click(attendance + "button[type=submit]");
        waitForText("main", "同期参加全国会议");
        // The form shows what was saved, not its defaults: saving it again must not undo the absence.
        retrying(() -> assertThat(new Select(find(attendance + "select[name='rows[3].present']"))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("请假"));
        assertThat(find(attendance + "input[name='rows[3].reason']").getAttribute("value"))
                .isEqualTo("同期参加全国会议");

        String decision = "[data-form='meeting-" + mid + "-decision'] ";
        openAction("meeting-" + mid + "-decision");
        typeInto(
                decision + "textarea[name=matter]",
                "建立托育服务联合督导机制：" + "由省卫生健康委牵头，会同教育、财政、市场监管等部门，每季度对各市州托育机构开展一次联合督导，".repeat(4));
        typeInto(decision + "input[name='tasks[0].title']", "制定联合督导工作方案");
        choose(decision + "select[name='tasks[0].leadUnitCode']", "省教育厅");
        setValue(
                decision + "input[name='tasks[0].dueDate']",
                LocalDate.now(ZONE).plusDays(60).toString());
        click(decision + "input[name='tasks[0].coUnitCodes'][value=finance]");
        screenshot("08-meeting-recording-a-decision");
        click(decision + "button[type=submit]");
        waitForText(".decisions", "建立托育服务联合督导机制");
        // a long matter is folded to its opening words; a click shows it all
        waitForText(".decisions details.fold summary .opening", "建立托育服务联合督导机制");
        assertThat(text(".decisions details.fold summary .opening")).endsWith("…");
        click(".decisions details.fold summary");
        waitForText(".decisions details.fold[open] p", "每季度对各市州托育机构开展一次联合督导");

        openAction("meeting-" + mid + "-sign");
        // 由召集人签发: the server takes no other signature, so the form offers no other signer
        assertThat(new Select(find("[data-form='meeting-" + mid + "-sign'] select[name=signedBy]")).getOptions())
                .extracting(WebElement::getText)
                .singleElement()
                .asString()
                .startsWith("匡湧");
        click("[data-form='meeting-" + mid + "-sign'] button[type=submit]");
        waitForText(".page-head", "纪要已签发");

        String issue = "[data-form='meeting-" + mid + "-issue'] ";
        wait.until(d -> d.findElements(By.cssSelector(issue)).size() == 1);
        typeInto(issue + "input[name=documentNo]", "青婴托联〔2026〕7号");
        typeInto(issue + "textarea[name=distribution]", "各市州人民政府\n省政府各委办厅局");
        click(issue + "button[type=submit]");
        waitForText(".page-head", "纪要已印发");
        waitForText("main", "匡湧 于");
        screenshot("09-meeting-minutes-issued");

        go("#/tasks?unit=education");
        waitForText("main", "制定联合督导工作方案");
        screenshot("10-tasks-from-the-minutes");
        // 督办台账: the download links carry the filters the list shows
        assertThat(find("a[data-export=xlsx]").getAttribute("href"))
                .contains("api/tasks/export?", "unit=education", "format=xlsx");
        assertThat(find("a[data-export=csv]").getText()).isEqualTo("导出台账（CSV）");
        go("#/decisions");
        waitForText("main", "建立托育服务联合督导机制");
        assertThat(text("main")).contains("青婴托联〔2026〕7号", "无需报批");

        // corrected minutes, signed: the issue form offers the next number of the series, this year
        expect(api.post("office", "/api/meetings/" + mid + "/minutes/corrections", "{\"reason\":\"补充议定事项\"}"), 200);
        expect(
                api.post(
                        "office",
                        "/api/meetings/" + mid + "/decisions",
                        "{\"decisionId\":\"d-extra\",\"matter\":\"明确督导频次\",\"major\":false}"),
                201);
        expect(api.post("office", "/api/meetings/" + mid + "/minutes/signature", "{\"signedBy\":\"kuang-yong\"}"), 200);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("office", "/api/meetings/" + mid)
                        .body()
                        .get("minutes")
                        .findValuesAsText("state")
                        .equals(List.of("ISSUED", "SIGNED")));
        int year = LocalDate.now(ZONE).getYear();
        String offered = "青婴托联〔" + year + "〕" + (year == 2026 ? 8 : 1) + "号";
        go("#/meetings/" + mid);
        wait.until(d -> d.findElements(By.cssSelector(issue + "input[name=documentNo]")).stream()
                .anyMatch(field -> offered.equals(field.getAttribute("value"))));
    }

    @Test
    void aRefusedActionShowsItsReasonInChineseAndAStaleFormSaysSoAndKeepsWhatWasTyped() {
        open();
        browser.get(base + "/login");
        find("#username").sendKeys("office");
        find("#password").sendKeys("wrong", Keys.ENTER);
        waitForText(".login-box", "用户名或密码不正确");
        assertThat(find("#username").getAttribute("value"))
                .as("the user name survives a failed sign-in")
                .isEqualTo("office");
        signIn("office");
        go("#/meetings");
        openAction("convene-meeting");
        String convene = "[data-form='convene-meeting'] ";
        // Over a field's limit: the count says so and the form refuses; nothing is cut off.
        String tooLong = "关于托育服务".repeat(50) + "。";
        typeInto(convene + "input[name=topic]", tooLong);
        waitForText(convene + "[data-field=topic] .counter.over", "301 / 300");
        click(convene + "button[type=submit]");
        waitForText(convene + "[data-field=topic] .field-error", "不能超过 300 个字");
        assertThat(find(convene + "input[name=topic]").getAttribute("value")).isEqualTo(tooLong);
        typeInto(convene + "input[name=topic]", "由副召集人召集的全体会议");
        setValue(convene + "input[name=scheduledAt]", LocalDate.now(ZONE).plusDays(3) + "T15:00");
        typeInto(convene + "input[name=location]", "省卫生健康委会议室");
        choose(convene + "select[name=convenedBy]", "靳生寿（副召集人，省政府副秘书长）");
        click(convene + "button[type=submit]");
        waitForText(convene + "[data-field=convenedBy] .field-error", "全体会议须由召集人召集");
        assertThat(find(convene + "input[name=topic]").getAttribute("value")).isEqualTo("由副召集人召集的全体会议");
        assertThat(browser.getCurrentUrl()).endsWith("#/meetings");
        screenshot("11-refused-in-chinese");

        assign("stale-1", "报送托育从业人员培训计划", "emergency", List.of(), 15);
        signOut();
        signIn("unit-emergency");
        go("#/tasks/stale-1");
        String progress = "[data-form='task-stale-1-progress'] ";
        wait.until(d -> d.findElements(By.cssSelector(progress)).size() == 1);
        // The page misses the next update, as a slow network would: no more background looks.
        js("for (let id = 1; id < 10000; id++) { clearInterval(id); clearTimeout(id); }");
        typeInto(progress + "input[name=percentComplete]", "10");
        typeInto(progress + "textarea[name=summary]", "培训计划已列出提纲");
        // An urging would not make the form stale (docs/optimistic-locking.md); another report of the unit does.
        expect(api.post("office", "/api/tasks/stale-1/urgings", "{\"note\":\"请于本周内报送进展\"}"), 200);
        expect(
                api.post(
                        "unit-emergency",
                        "/api/tasks/stale-1/progress",
                        "{\"percentComplete\":5,\"summary\":\"同事已先行报送提纲\"}"),
                200);
        click(progress + "button[type=submit]");

        waitForText(progress + ".form-msg", "此记录已被他人更新");
        waitForText("main", "同事已先行报送提纲");
        waitForText("main", "联席会议办公室（office）催办");
        assertThat(find(progress + "textarea[name=summary]").getAttribute("value"))
                .isEqualTo("培训计划已列出提纲");
        screenshot("12-stale-form-kept-what-was-typed");

        click(progress + "button[type=submit]");
        waitForText(progress + ".form-msg", "进展已报送");
        waitForText(".timeline", "培训计划已列出提纲");
    }

    @Test
    void anAuditorReadsTheTrailInChineseAndFindsTheUrgingsAndAViewerIsToldTheTrailIsNotForThem() {
        assign("audit-ui-1", "核查托育机构备案情况", "youth-league", List.of(), 10);
        expect(api.post("office", "/api/tasks/audit-ui-1/urgings", "{\"note\":\"请尽快签收\"}"), 200);
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> api.get("auditor", "/api/audit?type=TaskUrgedEvent")
                                .body()
                                .get("total")
                                .asInt()
                        >= 1);
        open();
        signIn("auditor");
        go("#/audit");
        waitForText(".page-title", "审计追溯");
        waitForText("main table", "联席会议设立");
        String trail = text("main table");
        assertThat(trail).contains("联席会议设立", "成员单位增加", "联席会议", "系统", "初始数据导入：青政办函〔2021〕138号");
        assertThat(trail)
                .as("no class names, English aggregate types, role keys or raw prefixes")
                .doesNotContain("Event", "Conference", "SYSTEM", "role.", "seed:");

        typeInto("#audit-type", "催办");
        click("form.filters button[type=submit]");
        waitForText("main table", "任务催办");
        List<WebElement> rows = browser.findElements(By.cssSelector("main table tbody tr"));
        assertThat(rows)
                .isNotEmpty()
                .allSatisfy(row -> assertThat(
                                row.findElements(By.tagName("td")).get(2).getText())
                        .isEqualTo("任务催办"));
        assertThat(text("main table")).contains("督办事项", "audit-ui-1", "联席会议办公室");
        screenshot("13-audit-search-in-chinese");

        // a filter the server refuses is said beside the filters; the form and the results stay
        typeInto("#audit-type", "催办 <b>");
        click("form.filters button[type=submit]");
        waitForText("#audit-filter-error", "事件类型请填写事件名称");
        assertThat(text("main")).doesNotContain("加载失败");
        assertThat(text("main table")).contains("任务催办");
        assertThat(find("#audit-type").getAttribute("value")).isEqualTo("催办 <b>");
        assertThat(find("#audit-type").getAttribute("aria-invalid")).isEqualTo("true");

        signOut();
        signIn("viewer");
        go("#/audit");
        waitForText("main", "无权查看审计台账");
        assertThat(text("main")).doesNotContain("尚未启用", "加载失败");
    }

    @Test
    void aStandardEventSourceReceivesTheEventFeedInOnmessage() {
        open();
        signIn("auditor");
        js("""
                window.feed = {subjects: [], types: []};
                const source = new EventSource('/api/events/stream?after=-1');
                source.onmessage = (e) => {
                  const event = JSON.parse(e.data);
                  window.feed.subjects.push(event.subject);
                  window.feed.types.push(event.type);
                };""");
        wait.until(d -> ((Number) js("return window.feed.types.length;")).intValue() >= 30);
        assertThat(js("return window.feed.types[0];"))
                .isEqualTo("cn.qinghai.ledger.conference.ConferenceEstablished.v1");

        assign("es-1", "用标准 EventSource 订阅", "youth-league", List.of(), 10);
        wait.until(d -> (Boolean) js("return window.feed.subjects.includes('es-1');"));
    }

    @Test
    void theOfficeRecordsASuccessionOfADeputyConvenerAsTheConferenceDecided() {
        // dated ahead, so that the other tests, which read today's roster, still see the deputy convener
        LocalDate from = LocalDate.now(ZONE).plusDays(30);
        open();
        signIn("office");
        go("#/roster");
        openAction("succession");
        String form = "[data-form='succession'] ";
        retrying(() -> new Select(find(form + "select[name=outgoing]")).selectByValue("jin-shengshou"));
        typeInto(form + "input[name=incomingPersonId]", "zhang-xin");
        typeInto(form + "input[name=incomingName]", "张新");
        typeInto(form + "input[name=incomingTitle]", "省政府副秘书长");
        setValue(form + "input[name=effectiveOn]", from.toString());
        choose(form + "select[name=decisionKind]", "书面征求意见");
        typeInto(form + "input[name=reference]", "青婴联办函〔2026〕5号");
        setValue(form + "input[name=decidedOn]", LocalDate.now(ZONE).toString());
        click(form + "button[type=submit]");
        waitForText(form + ".form-msg", "换届已记录");

        go("#/roster?asOf=" + from);
        waitForText("main", "张新");
        assertThat(text("main")).contains("书面征求意见：青婴联办函〔2026〕5号").doesNotContain("靳生寿");
        go("#/roster?asOf=" + from.minusDays(1));
        waitForText("main", "靳生寿");
    }

    // ---- the browser -------------------------------------------------------------------------

    @Test
    void theOfficeIssuesTheCircularOfAPeriodAndAViewerPrintsItAsTheDocument() {
        assign("circular-1", "制定托育机构备案办法", "civil-affairs", List.of(), 20);
        LocalDate to = LocalDate.now(ZONE);
        LocalDate from = to.minusDays(6);
        open();
        signIn("office");
        go("#/circular?from=" + from + "&to=" + to);
        waitForText("main", "民政厅");
        openAction("circular-issue");
        String issue = "[data-form='circular-issue'] ";
        typeInto(issue + "input[name=documentNo]", "青联办通[2026]7号");
        typeInto(issue + "textarea[name=commendation]", "省民政厅按时签收交办事项。");
        typeInto(issue + "textarea[name=urging]", "请各成员单位按期报送进展。");
        click(issue + "button[type=submit]");
        waitForText(issue + ".form-msg", "通报已印发");
        wait.withTimeout(Duration.ofSeconds(30)).until(d -> text("main").contains("青联办通〔2026〕7号"));
        screenshot("14-circular-issue-form");
        signOut();

        signIn("viewer");
        go("#/circular?from=" + from + "&to=" + to);
        waitForText("main", "已印发通报");
        click("main a[href^='#/circulars/']");
        waitForText("article.document", "督办事项通报");
        String document = text("article.document");
        assertThat(document)
                .contains(
                        "青联办通〔2026〕7号",
                        "一、表扬",
                        "省民政厅按时签收交办事项。",
                        "二、督促",
                        "请各成员单位按期报送进展。",
                        "分送：联席会议各成员单位。",
                        "联席会议办公室",
                        "合计");
        assertThat(browser.findElements(By.xpath("//button[normalize-space()='打印']")))
                .hasSize(1);
        screenshot("15-circular-document");
    }

    @Test
    void theOfficeOpensAReportingRoundTheBoardShowsWhoHasNotReportedAndAUnitReportsFromItsPage() {
        LocalDate today = LocalDate.now(ZONE);
        String period = today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
        open();
        signIn("office");
        go("#/reporting");
        waitForText("main", "报送轮次");
        openAction("reporting-open");
        String form = "[data-form='reporting-open'] ";
        typeInto(form + "input[name=period]", period);
        setValue(form + "input[name=dueDate]", today.plusDays(10).toString());
        typeInto(form + "textarea[name=requirements]", "请报送本季度工作情况，含主要进展和存在问题。");
        click(form + "button[type=submit]");
        waitForText(form + ".form-msg", "已发起报送");
        wait.withTimeout(Duration.ofSeconds(30)).until(d -> text("main").contains("0 / 16"));
        screenshot("16-reporting-rounds");

        go("#/board");
        wait.withTimeout(Duration.ofSeconds(30))
                .until(d -> text(".reporting-panel").contains("尚未报送 16 个"));
        js("window.notReloaded = true;");
        // a unit reports elsewhere: the board follows without a reload
        expect(
                api.post(
                        "unit-education",
                        "/api/conferences/" + CID + "/reporting-rounds/" + period + "/reports",
                        "{\"text\":\"本季度新增普惠托位1200个。\"}"),
                200);
        wait.withTimeout(Duration.ofSeconds(30))
                .until(d -> text(".reporting-panel").contains("尚未报送 15 个"));
        assertThat(js("return window.notReloaded === true;"))
                .as("the board was updated in place")
                .isEqualTo(true);
        String missing = text(".reporting-panel .missing-units");
        assertThat(missing).contains("省财政厅", "未报送").doesNotContain("省教育厅");
        assertThat(text("[data-unit=education] .unit-report")).contains("已报送");
        assertThat(text("[data-unit=finance] .unit-report")).contains("未报送");
        screenshot("17-board-not-reported");
        signOut();

        signIn("unit-finance");
        waitForText("main", "待报送");
        click("main .my-rounds a");
        String submit = "[data-form='reporting-submit-" + period + "'] ";
        typeInto(submit + "textarea[name=text]", "本季度下达托育补助资金3000万元。");
        typeInto(submit + "input[name=documentRef]", "青财社函〔2026〕12号");
        click(submit + "button[type=submit]");
        waitForText(submit + ".form-msg", "已报送");
        wait.withTimeout(Duration.ofSeconds(30)).until(d -> text("main").contains("本季度下达托育补助资金3000万元。"));
        screenshot("18-unit-submits-report");
    }

    /**
     * ADR 18 on the meeting page: signed minutes whose task fell due before the issue are refused with the
     * reason, go back for revision, take a new due date, are signed again and issued; the roster's forms then
     * offer the issued matter in their list.
     */
    @Test
    void theOfficeReturnsSignedMinutesMovesADueDateSignsAgainAndIssues() {
        String mid = "m-revision";
        LocalDate today = LocalDate.now(ZONE);
        expect(api.post("office", "/api/meetings", """
                {"meetingId":"%s","conferenceId":"%s","kind":"PLENARY","topic":"托育服务专项推进会",
                 "scheduledAt":"%sT09:00:00+08:00","location":"省政府第二会议室","convenedBy":"kuang-yong"}""".formatted(mid, CID, today.minusDays(3))), 201);
        expect(api.post("office", "/api/meetings/" + mid + "/decisions", """
                {"decisionId":"d-1","matter":"开展托育机构安全隐患排查","major":false,
                 "tasks":[{"taskId":"t-revision","title":"完成安全隐患排查","leadUnitCode":"education",
                           "dueDate":"%s"}]}""".formatted(today.minusDays(2))), 201);
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> api.get("viewer", "/api/meetings/" + mid).status() == 200);
        List<String> present = new java.util.ArrayList<>();
        api.get("viewer", "/api/meetings/" + mid)
                .body()
                .get("participantUnits")
                .forEach(u -> present.add("\"" + u.get("unitCode").asText() + "\""));
        expect(api.post("office", "/api/meetings/" + mid + "/attendance", "{\"present\":" + present + "}"), 200);
        expect(api.post("office", "/api/meetings/" + mid + "/minutes/signature", "{\"signedBy\":\"kuang-yong\"}"), 200);

        open();
        signIn("office");
        go("#/meetings/" + mid);
        waitForText(".page-head", "纪要已签发");
        String issue = "[data-form='meeting-" + mid + "-issue'] ";
        typeInto(issue + "input[name=documentNo]", "青婴托联〔2026〕3号");
        typeInto(issue + "textarea[name=distribution]", "各市州人民政府");
        click(issue + "button[type=submit]");
        waitForText("[data-form='meeting-" + mid + "-issue']", "退回修改");

        openAction("meeting-" + mid + "-return");
        String back = "[data-form='meeting-" + mid + "-return'] ";
        typeInto(back + "textarea[name=reason]", "印发时办结时限已过，调整后重新签发");
        click(back + "button[type=submit]");
        waitForText(".page-head", "纪要起草中");
        waitForText("main", "曾退回修改：印发时办结时限已过");

        String due = "[data-form='meeting-" + mid + "-due-dates-d-1'] ";
        openAction("meeting-" + mid + "-due-dates-d-1");
        setValue(due + "input[name='rows[0].dueDate']", today.plusDays(30).toString());
        typeInto(due + "textarea[name=reason]", "办结时限顺延");
        click(due + "button[type=submit]");
        waitForText(due + ".form-msg", "办结时限已调整");

        openAction("meeting-" + mid + "-sign");
        click("[data-form='meeting-" + mid + "-sign'] button[type=submit]");
        waitForText(".page-head", "纪要已签发");
        wait.until(d -> d.findElements(By.cssSelector(issue)).size() == 1);
        typeInto(issue + "input[name=documentNo]", "青婴托联〔2026〕3号");
        typeInto(issue + "textarea[name=distribution]", "各市州人民政府");
        click(issue + "button[type=submit]");
        waitForText(".page-head", "纪要已印发");
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> api.get("viewer", "/api/tasks/t-revision").status() == 200);
        assertThat(api.get("viewer", "/api/tasks/t-revision")
                        .body()
                        .path("dueDate")
                        .asText())
                .isEqualTo(today.plusDays(30).toString());

        // 会议议定: the roster's forms offer the matter of the issued minutes by name
        go("#/roster");
        openAction("succession");
        wait.until(d -> new Select(find("[data-form='succession'] select[name=matter]"))
                .getOptions().stream()
                        .anyMatch(o -> o.getText().contains("青婴托联〔2026〕3号")
                                && o.getText().contains("开展托育机构安全隐患排查")));
    }

    /** 更正: the office corrects an issued circular on its page; it reads 已更正 and the original stays a click away. */
    @Test
    void theOfficeCorrectsAnIssuedCircularAndTheOriginalStaysReadable() {
        LocalDate to = LocalDate.now(ZONE).minusDays(7);
        LocalDate from = to.minusDays(6);
        String period = "/api/circulars?conferenceId=" + CID + "&from=" + from + "&to=" + to;
        expect(
                api.post("office", "/api/circulars/issued", """
                {"circularId":"c-correct","conferenceId":"%s","from":"%s","to":"%s","documentNo":"青联办通〔2026〕41号",
                 "distribution":["联席会议各成员单位"],"urging":"请各成员单位按期报送进展。","issuedOn":"%s",
                 "figures":%s}""".formatted(
                                CID, from, to, to, api.get("office", period).body())),
                201);
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() ->
                        api.get("viewer", "/api/circulars/issued/c-correct").status() == 200);

        open();
        signIn("office");
        go("#/circulars/c-correct");
        waitForText("article.document", "请各成员单位按期报送进展。");
        openAction("circular-correct-c-correct");
        String form = "[data-form='circular-correct-c-correct'] ";
        typeInto(form + "textarea[name=reason]", "督促内容遗漏报送时间");
        typeInto(form + "textarea[name=urging]", "请各成员单位于每月5日前报送进展。");
        click(form + "button[type=submit]");
        waitForText(form + ".form-msg", "更正已印发");
        go("#/circulars/c-correct");
        waitForText("nav.corrections", "已更正");
        waitForText("article.document", "请各成员单位于每月5日前报送进展。");
        assertThat(text("article.document")).contains("第1次更正", "督促内容遗漏报送时间");
        click("nav.corrections a[href$='correction=0']");
        waitForText("article.document[data-correction='0']", "请各成员单位按期报送进展。");
        assertThat(text("article.document")).doesNotContain("每月5日前");
        go("#/circular?from=" + from + "&to=" + to);
        waitForText("main", "已更正");
    }

    void open() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--disable-sync",
                "--user-data-dir=" + profile.toAbsolutePath(),
                "--window-size=1400,1000",
                "--lang=zh-CN");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        // The driver is named, so Selenium Manager never looks for (or downloads) one.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class); // a view drawn again while we look is looked at again
    }

    void signIn(String user) {
        browser.get(base + "/");
        wait.until(d -> d.getCurrentUrl().contains("/login"));
        assertThat(text("main")).contains("登录", "用户名", "密码");
        find("#username").clear();
        find("#username").sendKeys(user);
        find("#password").sendKeys("demo", Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#nav a")));
    }

    void signOut() {
        click("#logout button[type=submit]");
        wait.until(d -> d.getCurrentUrl().contains("/login"));
        waitForText("main", "您已安全退出");
    }

    void go(String hash) {
        js("location.hash = arguments[0];", hash);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main .page-title")));
    }

    void openAction(String formId) {
        retrying(() -> {
            WebElement details = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("action-" + formId)));
            if (details.getAttribute("open") == null) {
                details.findElement(By.tagName("summary")).click();
            }
        });
    }

    WebElement find(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /**
     * A live update may draw the view again between finding an element and using it; the forms keep
     * what was typed across that, so doing it again on the new element is what a person would do.
     */
    void retrying(Runnable action) {
        for (int attempt = 1; ; attempt++) {
            try {
                action.run();
                return;
            } catch (StaleElementReferenceException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    void click(String css) {
        retrying(() -> wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)))
                .click());
    }

    void typeInto(String css, CharSequence... keys) {
        retrying(() -> {
            WebElement field = find(css);
            field.clear();
            field.sendKeys(keys);
        });
    }

    void choose(String css, String visibleText) {
        retrying(() -> new Select(find(css)).selectByVisibleText(visibleText));
    }

    /** Date and time pickers take their value the way the browser's own picker would set it. */
    void setValue(String css, String value) {
        js(
                "const field = document.querySelector(arguments[0]); field.value = arguments[1];"
                        + " field.dispatchEvent(new Event('input', {bubbles: true}));",
                css,
                value);
    }

    String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    void waitForText(String css, String expected) {
        wait.until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return !found.isEmpty() && found.get(0).getText().contains(expected);
        });
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    void screenshot(String name) {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        try {
            Files.copy(
                    shot.toPath(),
                    SCREENSHOTS.resolve(name + ".png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            if (Boolean.getBoolean("ledger.user-guide.write")) {
                Files.createDirectories(USER_GUIDE);
                Files.copy(
                        shot.toPath(),
                        USER_GUIDE.resolve(name + ".png"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- the API, for what happens elsewhere ----------------------------------------------------

    static void assign(String taskId, String title, String lead, List<String> coUnits, int workingDays) {
        String co = coUnits.stream()
                .map(c -> "\"" + c + "\"")
                .reduce((a, b) -> a + "," + b)
                .orElse("");
        expect(api.post("office", "/api/tasks", """
                {"taskId":"%s","conferenceId":"%s","title":"%s","leadUnitCode":"%s","coUnitCodes":[%s],
                 "dueInWorkingDays":%d,"source":"办公室交办"}""".formatted(taskId, CID, title, lead, co, workingDays)), 201);
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> api.get("viewer", "/api/tasks/" + taskId).status() == 200);
    }

    static void expect(LedgerApi.Response response, int status) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
    }
}
