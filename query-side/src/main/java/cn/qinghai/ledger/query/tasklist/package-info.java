/**
 * The task list (督办事项清单) and task detail: processing group {@code tasks}. Each task's lead unit
 * (牵头单位), co-units (配合单位), due dates, status, progress (进展), urgings (催办), extensions (延期),
 * completion (办结), returns (退回重办) and closure (销号); RAG (红黄绿灯) is computed at read time by
 * {@link cn.qinghai.ledger.query.tasklist.RagPolicy}, the only class that knows its rules.
 * {@link cn.qinghai.ledger.query.tasklist.TaskReadModel} is how the other read models read tasks, and
 * {@link cn.qinghai.ledger.query.tasklist.TaskMoves} how one kept from the tasks' changes (the unit
 * board's counts) is told of them.
 */
package cn.qinghai.ledger.query.tasklist;
