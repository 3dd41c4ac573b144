package cn.qinghai.ledger.events.circular;

import java.util.List;

/** Issued circulars, latest first, without their text and figures (see {@link IssuedCircularView}). */
public record IssuedCircularList(List<IssuedCircularRow> items) {}
