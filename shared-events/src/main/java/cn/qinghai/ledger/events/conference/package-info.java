/**
 * The joint conference (联席会议) and its roster: member units (成员单位) with their duties (职责分工),
 * seats (召集人, 副召集人, 成员), the office director (办公室主任), liaisons (联络员), member changes
 * proposed by the unit and confirmed by the conference, and dissolution.
 */
@ChineseName("联席会议")
package cn.qinghai.ledger.events.conference;

import cn.qinghai.ledger.events.ChineseName;
