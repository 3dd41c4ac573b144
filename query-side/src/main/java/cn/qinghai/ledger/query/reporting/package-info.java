/**
 * Periodic work reports (工作情况定期报送) on the query side: one typed document per reporting round, with each
 * expected unit's submissions and urgings ({@link cn.qinghai.ledger.query.reporting.ReportingRoundDocument}),
 * and the states 已报送 / 逾期报送 / 未报送 / 逾期未报送 worked out at read time against the service's clock.
 */
package cn.qinghai.ledger.query.reporting;
