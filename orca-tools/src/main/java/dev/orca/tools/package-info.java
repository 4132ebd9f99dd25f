/**
 * Orca's tool layer: the {@link dev.orca.tools.ToolRegistry} of everything callable ({@link
 * dev.orca.tools.ToolSpec}), host tools from LangChain4j {@code @Tool} methods ({@link
 * dev.orca.tools.HostTools}), the canonical meta-tools ({@link dev.orca.tools.MetaTools}) and the
 * system prompt ({@link dev.orca.tools.OrcaPrompts}). Search lives in {@code
 * dev.orca.tools.search}, the MCP client in {@code dev.orca.tools.mcp}, the host side of the kernel
 * bridge in {@code dev.orca.tools.bridge}.
 */
package dev.orca.tools;
