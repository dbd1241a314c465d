/**
 * A streaming reader for the server-sent events our host writes: frames of
 * `field: value` lines ended by a blank line, comments starting with `:`.
 * Chunks may split anywhere, even inside a line. Calls `onData` with each
 * frame's data (multi-line data joined with \n).
 */
export function createSseParser(onData: (data: string) => void): (chunk: string) => void {
  let buffer = '';
  let data: string[] = [];
  return (chunk) => {
    buffer += chunk;
    let newline: number;
    while ((newline = buffer.search(/\r\n|\r|\n/)) !== -1) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
      if (line === '') {
        if (data.length) onData(data.join('\n'));
        data = [];
      } else if (line.startsWith('data:')) {
        data.push(line.slice(line.startsWith('data: ') ? 6 : 5));
      }
      // Comments (keep-alives), event names and ids need no handling: there is one kind of frame.
    }
  };
}
