/**
 * {@code orca mcp}: the MCP server on stdio (DESIGN.md §2.4). {@link
 * dev.orca.cli.mcp.OrcaMcpServer} serves the meta-tools over the MCP Java SDK; {@link
 * dev.orca.cli.mcp.OrcaTools} answers them; {@link dev.orca.cli.mcp.ExecutionMapper} turns kernel
 * results into {@code execute_code}'s structured answer.
 */
package dev.orca.cli.mcp;
