/**
 * The query side: one package per read model ({@code roster}, {@code meetings}, {@code tasklist},
 * {@code unitstatus}, {@code circular}), each with its projection into MongoDB (where it keeps data
 * of its own), its query handlers and its REST endpoints; {@code feed} serves the event store itself
 * as CloudEvents to other services and {@code live} the task list and unit board as server-sent
 * events; {@code platform} holds the read-model store (real MongoDB or the in-process server), the
 * tracking-token store and the admission of long-lived streams. It never touches the command side: it
 * only reads events.
 */
package cn.qinghai.ledger.query;
