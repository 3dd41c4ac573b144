package cn.qinghai.ledger.query.dashboard;

import cn.qinghai.ledger.platform.demo.DemoProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;

/**
 * The two pages of the dashboard. {@code /} is the single page of the app (its views are client-side
 * routes); {@code /login} is the sign-in form, rendered here because its POST needs the CSRF token
 * (Spring Security's form login checks {@code _csrf}).
 *
 * <p>Both pages read the request's CSRF token, which makes Spring Security write the
 * {@code XSRF-TOKEN} cookie: signing in replaces the token, and the app sends the new one back as
 * {@code X-XSRF-TOKEN} on every write.
 */
@Controller
class DashboardController {

    private final String index = read("dashboard/index.html");
    private final String login = read("dashboard/login.html");
    private final boolean demo;

    DashboardController(DemoProperties demo) {
        this.demo = demo.isDemo();
    }

    @GetMapping(value = "/", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> index(CsrfToken csrf) {
        touch(csrf);
        return page(index);
    }

    @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> login(
            CsrfToken csrf,
            @RequestParam(required = false) String error,
            @RequestParam(required = false) String signedOut,
            @RequestParam(required = false) String expired,
            @RequestParam(required = false) String throttled) {
        String notice = "";
        if (throttled != null) {
            notice = "<p class=\"notice error\" role=\"alert\" data-i18n=\"login.throttled\">登录失败次数过多，请稍后再试。</p>";
        } else if (error != null) {
            notice = "<p class=\"notice error\" role=\"alert\" data-i18n=\"login.failed\">用户名或密码不正确，请重新输入。</p>";
        } else if (expired != null) {
            notice = "<p class=\"notice\" role=\"status\" data-i18n=\"login.expired\">登录已过期，请重新登录。</p>";
        } else if (signedOut != null) {
            notice = "<p class=\"notice ok\" role=\"status\" data-i18n=\"login.signedOut\">您已安全退出。</p>";
        }
        String hint = demo
                ? "<p class=\"hint\" data-i18n=\"login.demo\">演示账号：office（办公室）、unit-education（省教育厅）、"
                        + "auditor、viewer、admin，密码均为 demo。</p>"
                : "";
        return page(login.replace(
                        "{{csrfParameter}}", csrf == null ? "_csrf" : HtmlUtils.htmlEscape(csrf.getParameterName()))
                .replace("{{csrf}}", csrf == null ? "" : HtmlUtils.htmlEscape(csrf.getToken()))
                .replace("{{notice}}", notice)
                .replace("{{demo}}", hint));
    }

    private static void touch(CsrfToken csrf) {
        if (csrf != null) {
            csrf.getToken();
        }
    }

    private static ResponseEntity<String> page(String html) {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .body(html);
    }

    private static String read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the dashboard page " + path + " is missing", e);
        }
    }
}
