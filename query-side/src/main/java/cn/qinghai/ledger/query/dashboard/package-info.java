/**
 * The web dashboard (看板) and workspace (工作台): the pages served at {@code /} and {@code /login} and
 * who is signed in ({@code GET /api/me}). The dashboard itself is plain ES modules and CSS under
 * {@code static/assets}, built by nothing but the Maven build and working offline; it reads the read
 * models and sends the commands of the HTTP API like any other client.
 */
package cn.qinghai.ledger.query.dashboard;
