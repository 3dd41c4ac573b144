/**
 * Meetings (会议) of the conference: plenary sessions (全体会议) convened by the convener and
 * special-topic sessions (专题会议) convened by a deputy convener; attendance; agreed matters (议定事项)
 * recorded in minutes (会议纪要) that the convener signs (签发) before they are issued (印发); major
 * matters (重大事项) that go up for approval (报批) before their tasks are assigned.
 */
@ChineseName("会议")
package cn.qinghai.ledger.events.meeting;

import cn.qinghai.ledger.events.ChineseName;
