/**
 * Meetings (会议: 全体会议, 专题会议) with attendance, agreed matters (议定事项), approval of major matters
 * (重大事项报批) and every version of the minutes (会议纪要: 签发, 印发, corrections as later versions);
 * and the decision register (议定事项台账: meeting → minutes → matter → tasks → closure). Processing
 * group {@code meetings}.
 */
package cn.qinghai.ledger.query.meetings;
