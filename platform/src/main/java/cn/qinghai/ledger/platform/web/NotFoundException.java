package cn.qinghai.ledger.platform.web;

/** A read of something that does not exist (404). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
