/**
 * The event feed (事件订阅) for subscribers that are not Axon applications: every event of the event
 * store, read straight from the store in global order, as CloudEvents JSON. {@code GET /api/events}
 * pages by position ({@link cn.qinghai.ledger.query.feed.EventFeed}); {@code GET /api/events/stream}
 * sends the same as server-sent events that resume from {@code Last-Event-ID} and follow new appends
 * ({@link cn.qinghai.ledger.query.feed.FeedStreams}); {@link cn.qinghai.ledger.query.feed.FeedPages}
 * makes every page end where no event below it can still appear, so that a resume point is exact. The mapping to CloudEvents is
 * {@link cn.qinghai.ledger.query.feed.CloudEventMapping}; the names of types and sources are
 * {@link cn.qinghai.ledger.query.feed.EventTypes}, shared with the generated
 * {@link cn.qinghai.ledger.query.feed.EventCatalogue} ({@code GET /api/events/catalogue},
 * {@code docs/event-catalogue.md}). No projection: nothing here is stored.
 */
package cn.qinghai.ledger.query.feed;
