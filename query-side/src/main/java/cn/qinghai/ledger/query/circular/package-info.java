/**
 * The circular (通报) of a period: per-unit statistics and the overdue list, counted at query time from
 * the task read model, as JSON, CSV (UTF-8 with BOM) or an Excel workbook. No projection of its own.
 */
package cn.qinghai.ledger.query.circular;
