package dev.orca.agent.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The US-1 workload in small: synthetic customer-support call transcripts, generated
 * deterministically (same seed, same bytes) into {@code workspace/transcripts/}. Each transcript
 * has a header with its topic and a unique reference line that no summary needs, so tests can check
 * that transcript text never reaches the model.
 */
public final class TranscriptCorpus {

  /** The topics calls are about. */
  public static final List<String> TOPICS =
      List.of(
          "refund request",
          "shipping delay",
          "billing error",
          "login problem",
          "damaged item",
          "cancellation",
          "plan upgrade");

  private static final String[] CUSTOMER =
      new String[] {
        "Hi, I am calling about my order from last week.",
        "I have been waiting for a while and nobody answered my email.",
        "The app keeps telling me something went wrong.",
        "Can you check what happened with my account?",
        "I was charged twice this month and I do not understand why.",
        "The package arrived but the box was crushed on one side.",
        "I would like to change my plan to the family option.",
        "Honestly this is the third time I am calling about this.",
        "My tracking number has not updated for five days.",
        "I tried resetting my password but the link expired.",
        "Could you tell me when the courier will come?",
        "I want to cancel before the next billing cycle starts.",
      };

  private static final String[] AGENT =
      new String[] {
        "Thank you for calling, let me pull up your account.",
        "I am sorry about the trouble, I can see the order here.",
        "Let me check that with our warehouse team.",
        "I have escalated this to the billing department.",
        "I can send you a new reset link right now.",
        "The courier shows the parcel at the regional depot.",
        "I have applied a credit to your next invoice.",
        "Is there anything else I can help you with today?",
        "I understand, I will make a note on your file.",
        "You should receive a confirmation email within the hour.",
        "I have updated the delivery address as you asked.",
        "Our records show the payment went through on Monday.",
      };

  private static final String[] AGENTS = {"Maria", "Tom", "Aisha", "Jonas", "Priya", "Leo"};

  private TranscriptCorpus() {}

  /**
   * Writes the corpus.
   *
   * @param workspace the kernel's workspace
   * @param count how many transcripts
   * @return the files written, in order
   */
  public static List<Path> write(Path workspace, int count) {
    Path dir = workspace.resolve("transcripts");
    List<Path> files = new ArrayList<>();
    try {
      Files.createDirectories(dir);
      for (int i = 1; i <= count; i++) {
        Path f = dir.resolve(String.format(Locale.ROOT, "t%03d.txt", i));
        Files.writeString(f, transcript(i));
        files.add(f);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  /**
   * The unique reference line of transcript {@code i} (never needed by a summary).
   *
   * @param i the 1-based transcript number
   * @return the line
   */
  public static String referenceLine(int i) {
    Random r = new Random(1_000L + i);
    return String.format(
        Locale.ROOT, "Reference: case %06x-%04x, verified caller", r.nextInt(1 << 24), i);
  }

  /**
   * The text of transcript {@code i}, about 3 KB.
   *
   * @param i the 1-based transcript number
   * @return the text
   */
  public static String transcript(int i) {
    Random r = new Random(42L * i + 7);
    String topic = TOPICS.get(r.nextInt(TOPICS.size()));
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "Transcript T-%03d%n", i));
    sb.append(
        String.format(Locale.ROOT, "Date: 2026-%02d-%02d%n", 1 + r.nextInt(12), 1 + r.nextInt(28)));
    sb.append("Topic: ").append(topic).append('\n');
    sb.append("Agent: ").append(AGENTS[r.nextInt(AGENTS.length)]).append('\n');
    sb.append(referenceLine(i)).append('\n').append('\n');
    boolean mentionsRefund = topic.startsWith("refund") || r.nextInt(4) == 0;
    int refundAt = mentionsRefund ? 2 + r.nextInt(10) : -1;
    int line = 0;
    while (sb.length() < 2_900) {
      if (line == refundAt) {
        sb.append("Customer: If this cannot be fixed I would like a refund, please.\n");
      } else {
        sb.append("Customer: ").append(CUSTOMER[r.nextInt(CUSTOMER.length)]).append('\n');
      }
      sb.append("Agent: ").append(AGENT[r.nextInt(AGENT.length)]).append('\n');
      line++;
    }
    sb.append("Outcome: ").append(r.nextBoolean() ? "resolved" : "follow-up needed").append('\n');
    return sb.toString();
  }
}
