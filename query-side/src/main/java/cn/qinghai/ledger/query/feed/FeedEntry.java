package cn.qinghai.ledger.query.feed;

/** One event of the feed: its global position, its CloudEvents type and the CloudEvent as JSON. */
record FeedEntry(long position, String type, String json) {}
