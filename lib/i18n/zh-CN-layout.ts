import type { enLayout } from "./en-layout";

/** 窄屏布局的简体中文字符串：页头菜单与管道图的滚动区域。 */
export const zhCNLayout: Record<keyof typeof enLayout, string> = {
  "nav.menu": "菜单",
  "layout.scrollDiagram": "管道图",
};
