/** English strings of the narrow-screen layout: the header's menu and the diagram's scroll region. */
export const enLayout = {
  "nav.menu": "Menu",
  "layout.scrollDiagram": "Pipeline diagram",
} as const;
