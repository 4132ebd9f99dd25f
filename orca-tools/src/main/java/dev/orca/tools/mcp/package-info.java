/**
 * The MCP client side: external servers declared in {@code HOME/config.toml} ({@link
 * dev.orca.tools.mcp.McpConfig}, {@link dev.orca.tools.mcp.McpServerConfig}) whose tools are
 * imported into the registry and called through the official MCP Java SDK ({@link
 * dev.orca.tools.mcp.McpToolSource}).
 */
package dev.orca.tools.mcp;
