/**
 * Chat support for {@code orca chat}: slash commands and the status line ({@link
 * dev.orca.agent.chat.ChatCommands}), streamed printing ({@link dev.orca.agent.chat.ChatPrinter})
 * and the conversation kept in a session for {@code orca chat --resume} ({@link
 * dev.orca.agent.chat.ConversationLog}).
 */
package dev.orca.agent.chat;
