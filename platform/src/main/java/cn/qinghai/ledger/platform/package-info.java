/**
 * Cross-cutting pieces shared by the command side and the query side: who is calling
 * ({@code security}), what a command carries besides its payload ({@code axon}), how errors look
 * ({@code web}), how each storage profile is configured ({@code storage}) and the demo mode with the
 * seed conference ({@code demo}). No rule of the domain lives here.
 */
package cn.qinghai.ledger.platform;
