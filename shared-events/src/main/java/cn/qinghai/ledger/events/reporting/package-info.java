/**
 * Periodic work reports of the member units (工作情况定期报送): the office (联席会议办公室) 及时收集各成员单位工作任务
 * 完成情况. It opens a reporting round (报送轮次) for a period — a quarter (季度工作情况), a half year (半年工作情况)
 * or a year (年度工作总结及下一年度工作计划) — with a due date (截止日期) and the units expected to report; each
 * unit submits its report (a later submission supersedes the earlier one, both kept); the office urges
 * (催报) units that have not reported and closes the round, recording who never reported.
 */
@ChineseName("工作情况定期报送")
package cn.qinghai.ledger.events.reporting;

import cn.qinghai.ledger.events.ChineseName;
