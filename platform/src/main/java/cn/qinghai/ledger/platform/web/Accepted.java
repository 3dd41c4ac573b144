package cn.qinghai.ledger.platform.web;

import java.net.URI;
import org.springframework.http.ResponseEntity;

/** The answer to an accepted command: the id of what it created or changed. */
public record Accepted(String id) {

    public static ResponseEntity<Accepted> created(String id, String location) {
        return ResponseEntity.created(URI.create(location)).body(new Accepted(id));
    }

    public static ResponseEntity<Accepted> ok(String id) {
        return ResponseEntity.ok(new Accepted(id));
    }
}
