import { createTheme } from '@mantine/core';

// System fonts only (the desk is offline); Noto CJK covers Chinese on Linux,
// Microsoft YaHei / PingFang on Windows and macOS.
const FONT_STACK = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif';

export const theme = createTheme({
  fontFamily: FONT_STACK,
  headings: { fontFamily: FONT_STACK },
  primaryColor: 'indigo',
  defaultRadius: 'sm',
});
