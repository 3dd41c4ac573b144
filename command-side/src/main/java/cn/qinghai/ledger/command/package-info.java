/**
 * The command side: aggregates that decide, the rules they enforce (the notice's and the office's own,
 * each with its {@code RuleSource}), and the REST endpoints that turn requests into commands. Packages
 * follow the domain ({@code conference}, {@code meeting}, {@code task}); it never reads the query side.
 */
package cn.qinghai.ledger.command;
