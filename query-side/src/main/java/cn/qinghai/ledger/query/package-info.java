/**
 * The query side: one package per read model ({@code roster}, ...), each with its projection into
 * MongoDB, its query handlers and its REST endpoints; {@code platform} holds the read-model store
 * (real MongoDB or the in-process server) and the tracking-token store. It never touches the command
 * side: it only reads events.
 */
package cn.qinghai.ledger.query;
