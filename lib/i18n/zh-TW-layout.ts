import type { enLayout } from "./en-layout";

/** 窄螢幕版面的繁體中文字串：頁首選單與管線圖的捲動區域。 */
export const zhTWLayout: Record<keyof typeof enLayout, string> = {
  "nav.menu": "選單",
  "layout.scrollDiagram": "管線圖",
};
