/**
 * Supervised tasks (督办事项): what the office follows until it is closed (跟踪督促落实). A task has one
 * lead unit and any co-units, a due date (a persistent deadline records lateness as a fact), progress
 * reports by the units, urgings (催办), extensions, completion, closure (销号) and return (退回重办).
 */
@ChineseName("督办事项")
package cn.qinghai.ledger.events.task;

import cn.qinghai.ledger.events.ChineseName;
