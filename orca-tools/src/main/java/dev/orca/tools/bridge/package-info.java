/**
 * The host side of the kernel bridge: {@link dev.orca.tools.bridge.BridgeRouter} routes kernel →
 * host calls to handlers with bounded concurrency, per-call timeouts and cancellation; {@link
 * dev.orca.tools.bridge.ToolBridge} installs the tool built-ins ({@code searchTools}, {@code
 * callTool}); {@link dev.orca.tools.bridge.ToolStubGenerator} writes typed Java stubs for found
 * tools.
 */
package dev.orca.tools.bridge;
