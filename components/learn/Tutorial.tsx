"use client";
// A client container: it owns the lesson progress (localStorage, live snapshot) that the list, lesson and live element share.

import { useEffect, useRef, type RefObject } from "react";
import { LESSONS, lessonText } from "@/lib/lessons";
import { currentLesson } from "@/lib/live/progress";
import { NodeRow } from "@/components/pipeline/NodeRow";
import { useI18n } from "@/components/i18n/provider";
import { LessonPanel } from "./LessonPanel";
import { LiveElement } from "./LiveElement";
import { useProgress } from "./useProgress";

/** Ordered lessons, each beside the live element it explains, completed by doing. */
export function Tutorial() {
  const { t, lang } = useI18n();
  const { progress, select, reset } = useProgress();
  const listRef = useRef<HTMLDivElement>(null);
  useScrollToCurrent(listRef, progress ? currentLesson(LESSONS, progress) : null);
  if (!progress) return <p className="text-sm text-muted">{t("common.loading")}</p>;
  const id = currentLesson(LESSONS, progress);
  const index = Math.max(
    0,
    LESSONS.findIndex((l) => l.id === id),
  );
  const lesson = LESSONS[index]!;
  const go = (i: number) => select(LESSONS[Math.min(LESSONS.length - 1, Math.max(0, i))]!.id);

  return (
    // Below 2000 px the live element gets a full-width row under the lesson: the pipeline diagram needs ~1200 px.
    <div
      className="grid grid-cols-[minmax(0,1fr)] gap-5 lg:grid-cols-[220px_minmax(0,1fr)] min-[2000px]:grid-cols-[220px_minmax(0,440px)_minmax(0,1fr)]"
      data-testid="tutorial"
    >
      {/* From lg up the list is as tall as the lesson beside it and scrolls, so that the live element
          below starts right after the lesson instead of after all 19 titles (at 1280×900 it was below the fold).
          Below lg (a phone) the list is a short scrolling box above the lesson, for the same reason. */}
      <nav className="card h-fit p-3 lg:relative lg:h-auto lg:min-h-72 lg:p-0" aria-label={t("learn.lessons")}>
        <div ref={listRef} className="max-h-64 overflow-y-auto lg:absolute lg:inset-0 lg:max-h-none lg:p-3">
          <div className="mb-2 flex items-baseline justify-between">
            <h2 className="text-sm font-semibold">{t("learn.lessons")}</h2>
            <span className="text-xs text-muted" data-testid="lesson-progress">
              {t("learn.progress", { done: progress.completed.length, total: LESSONS.length })}
            </span>
          </div>
          <ol className="grid gap-0.5 text-sm">
            {LESSONS.map((l, i) => {
              const done = progress.completed.includes(l.id);
              return (
                <li key={l.id}>
                  <button
                    type="button"
                    onClick={() => go(i)}
                    data-testid={`lesson-item-${l.id}`}
                    data-done={done}
                    aria-current={i === index ? "step" : undefined}
                    className={`flex w-full items-start gap-2 rounded-md px-2 py-1.5 text-left ${i === index ? "bg-accent-soft text-accent" : "hover:bg-surface-2"}`}
                  >
                    <span
                      aria-hidden
                      className={`mt-0.5 grid h-4 w-4 shrink-0 place-items-center rounded-full text-[10px] ${done ? "bg-ok text-surface" : "border border-line text-muted"}`}
                    >
                      {done ? "✓" : i + 1}
                    </span>
                    <span className="leading-snug">{lessonText(l, lang).title}</span>
                  </button>
                </li>
              );
            })}
          </ol>
          <button type="button" className="mt-3 text-xs text-muted hover:text-err" onClick={reset} data-testid="lesson-reset">
            {t("learn.reset")}
          </button>
        </div>
      </nav>
      <LessonPanel
        lesson={lesson}
        index={index}
        total={LESSONS.length}
        done={progress.completed.includes(lesson.id)}
        onPrev={() => go(index - 1)}
        onNext={() => go(index + 1)}
      />
      <div className="grid min-w-0 content-start gap-4 lg:col-span-2 min-[2000px]:col-span-1" data-testid="lesson-live">
        {lesson.controls && <NodeRow names={lesson.controls} />}
        <LiveElement target={lesson.target} />
      </div>
    </div>
  );
}

/** Keeps the open lesson's title in view in the scrolling list, without scrolling the page. */
function useScrollToCurrent(list: RefObject<HTMLDivElement | null>, id: string | null) {
  useEffect(() => {
    const box = list.current;
    const item = box?.querySelector<HTMLElement>('[aria-current="step"]');
    if (!box || !item || box.scrollHeight <= box.clientHeight) return;
    const top = item.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
    if (top < box.scrollTop || top + item.offsetHeight > box.scrollTop + box.clientHeight) box.scrollTo({ top: top - box.clientHeight / 3 });
  }, [list, id]);
}
