// Indented C text: 4 spaces, one statement per line, Fluent Bit's layout.
import { wrapLine } from "./wrap.js";
export class CWriter {
  private readonly lines: string[] = [];
  private depth = 0;

  get lineCount(): number {
    return this.lines.length;
  }

  line(text: string): void {
    const indent = "    ".repeat(this.depth);
    for (const l of wrapLine(text, indent.length)) this.lines.push(indent + l);
  }

  /** A preprocessor line: always in column 0. */
  directive(text: string): void {
    this.lines.push(text);
  }

  /** Pre-formatted text (e.g. compiled regex code), kept as it is. */
  raw(text: string): void {
    this.lines.push(...text.replace(/\n$/, "").split("\n"));
  }

  blank(): void {
    if (this.lines.length > 0 && this.lines[this.lines.length - 1] !== "") this.lines.push("");
  }

  open(text: string): void {
    this.line(text);
    this.depth++;
  }

  close(text: string): void {
    this.depth--;
    this.line(text);
  }

  text(): string {
    while (this.lines[this.lines.length - 1] === "") this.lines.pop();
    return this.lines.join("\n") + "\n";
  }
}
