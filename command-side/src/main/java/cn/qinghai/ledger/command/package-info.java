/**
 * The command side: aggregates that decide, the rules of the notice they enforce, and the REST
 * endpoints that turn requests into commands. Packages follow the domain ({@code conference},
 * {@code meeting}, {@code task}); it never reads the query side.
 */
package cn.qinghai.ledger.command;
