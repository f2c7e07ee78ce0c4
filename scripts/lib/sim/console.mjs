// The status line: redrawn in place on a terminal, a plain line every 10 s otherwise (logs, CI).

export function createConsole(stream = process.stdout) {
  const tty = Boolean(stream.isTTY);
  let shown = false;
  let lastPrinted = 0;
  const clear = () => {
    if (tty && shown) stream.write('\r\x1b[K');
    shown = false;
  };
  return {
    log(message) {
      clear();
      stream.write(`» ${message}\n`);
    },
    status(line) {
      if (tty) {
        clear();
        stream.write(line.slice(0, (stream.columns ?? 200) - 1));
        shown = true;
      } else if (Date.now() - lastPrinted >= 10_000) {
        lastPrinted = Date.now();
        stream.write(`${line}\n`);
      }
    },
    end(line) {
      clear();
      stream.write(`${line}\n`);
    },
  };
}
