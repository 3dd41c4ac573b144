/**
 * Issued circulars (通报): the office's document that reports, for a period, how the member units
 * carried out their supervised tasks, under a document number (文号), with a commendation (表扬) and an
 * urging (督促) and a distribution list (分送). The figures it carries are those of the circular as
 * issued; later activity does not change them (docs/adr/0014-issued-circular-figures.md).
 */
@ChineseName("通报")
package cn.qinghai.ledger.events.circular;

import cn.qinghai.ledger.events.ChineseName;
