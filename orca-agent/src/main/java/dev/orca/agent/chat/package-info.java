/**
 * Chat support for {@code orca chat}: slash commands and the status line ({@link
 * dev.orca.agent.chat.ChatCommands}) and streamed printing ({@link
 * dev.orca.agent.chat.ChatPrinter}).
 */
package dev.orca.agent.chat;
