"use client";

import { useEffect, useRef } from "react";
import { minimalSetup } from "codemirror";
import { javascript } from "@codemirror/lang-javascript";
import { bracketMatching, indentOnInput } from "@codemirror/language";
import { indentWithTab } from "@codemirror/commands";
import { lintGutter, setDiagnostics } from "@codemirror/lint";
import { Compartment, EditorState } from "@codemirror/state";
import { EditorView, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers } from "@codemirror/view";
import { diagnosticAt, type CodeErrorAt } from "@/lib/exercises/editor-diagnostic";
import { editorTheme } from "./editor-theme";

interface Props {
  /** The text the editor opens with; a new `key` on the component starts it again with another (reset to starter). */
  initial: string;
  onChange: (code: string) => void;
  /** Read by a screen reader as the editor's name, and the id of the help text that describes its keys. */
  label: string;
  describedBy: string;
  /** The last run's error: marked at its line while it is shown. */
  error: CodeErrorAt | null;
}

const contentAttributes = (label: string, describedBy: string) => EditorView.contentAttributes.of({ "aria-label": label, "aria-describedby": describedBy });

/**
 * The learner's code in CodeMirror 6: TypeScript highlighting, line numbers, bracket matching, undo history and
 * a lint mark at the runtime's error line. Tab indents, as in any code editor; CodeMirror lets a keyboard user
 * leave with Escape then Tab (documented by `indentWithTab`), which the help text beside it says.
 */
export function CodeEditor({ initial, onChange, label, describedBy, error }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const attrs = useRef(new Compartment());
  const changed = useRef(onChange);
  useEffect(() => {
    changed.current = onChange;
  }, [onChange]);

  useEffect(() => {
    if (!host.current) return;
    const editor = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: initial,
        extensions: [
          minimalSetup,
          lineNumbers(),
          // Long lines wrap instead of scrolling sideways: on a phone the whole line stays readable.
          EditorView.lineWrapping,
          highlightActiveLineGutter(),
          highlightActiveLine(),
          bracketMatching(),
          indentOnInput(),
          keymap.of([indentWithTab]),
          javascript({ typescript: true }),
          lintGutter(),
          editorTheme,
          attrs.current.of(contentAttributes(label, describedBy)),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) changed.current(u.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
    // The editor is made once per mount; its label and marks follow through the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    view.current?.dispatch({ effects: attrs.current.reconfigure(contentAttributes(label, describedBy)) });
  }, [label, describedBy]);

  useEffect(() => {
    const v = view.current;
    if (!v) return;
    const mark = error ? diagnosticAt(v.state.doc.toString(), error) : null;
    v.dispatch(setDiagnostics(v.state, mark ? [mark] : []));
  }, [error]);

  return <div ref={host} data-testid="code-editor" className="min-h-64 min-w-0 [&_.cm-editor]:min-h-64 [&_.cm-scroller]:max-h-[32rem]" />;
}
