/** A progress bar on stderr, redrawn in place with `\r`; it draws only when the shown percentage changes. */
export function progressBar(total: number, label: string, out: NodeJS.WriteStream = process.stderr) {
  const width = 30;
  let shown = -1;
  const draw = (done: number) => {
    const percent = total ? Math.floor((done / total) * 100) : 100;
    if (percent === shown) return;
    shown = percent;
    const filled = Math.round((percent / 100) * width);
    out.write(
      `\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(percent).padStart(3)}% ${done}/${total} ${label}`,
    );
  };
  return {
    update: draw,
    finish: () => {
      draw(total);
      out.write('\n');
    },
  };
}
