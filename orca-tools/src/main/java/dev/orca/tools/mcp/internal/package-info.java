/** One connection to one MCP server; not a public API. */
package dev.orca.tools.mcp.internal;
