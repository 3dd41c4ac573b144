package cn.qinghai.ledger.platform.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ledger.demo=true}: load the seed conference on an empty store and create the demo users
 * of docs/security.md (password {@code demo}). Never on in production.
 */
@ConfigurationProperties("ledger")
public class DemoProperties {

    private boolean demo;

    public boolean isDemo() {
        return demo;
    }

    public void setDemo(boolean demo) {
        this.demo = demo;
    }
}
