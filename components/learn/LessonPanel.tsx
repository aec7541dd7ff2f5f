import { ScrollRegion } from "@/components/ui/ScrollRegion";
import { lessonText, type Lesson } from "@/lib/lessons";
import { useI18n } from "@/components/i18n/provider";

interface Props {
  lesson: Lesson;
  index: number;
  total: number;
  done: boolean;
  onPrev: () => void;
  onNext: () => void;
}

/** One lesson: the idea, what to do now, whether it happened, and the Spark equivalent. */
export function LessonPanel({ lesson, index, total, done, onPrev, onNext }: Props) {
  const { t, lang } = useI18n();
  const text = lessonText(lesson, lang);
  return (
    <article className="card flex flex-col gap-4 p-5" data-testid="lesson-panel" data-lesson={lesson.id}>
      <div>
        <div className="eyebrow mb-1">
          {index + 1} / {total}
        </div>
        {/* The page's one h1: the lesson being read. */}
        <h1 className="text-lg font-semibold leading-snug" data-testid="lesson-title">
          {text.title}
        </h1>
      </div>
      <div className="grid gap-3 text-[14.5px] leading-relaxed">
        {text.body.map((p) => (
          <p key={p}>{p}</p>
        ))}
      </div>
      <div
        className={`rounded-lg border p-3 ${done ? "border-ok/40 bg-ok/10" : "border-accent/40 bg-accent-soft"}`}
        data-testid="lesson-action"
        data-done={done}
      >
        <div className="eyebrow mb-1">{t("learn.doThis")}</div>
        <p className="text-sm font-medium">{text.action}</p>
        <p className={`mt-1.5 text-xs ${done ? "text-ok" : "text-muted"}`} data-testid="lesson-status">
          {done ? `✓ ${t("learn.done")}` : t("learn.notYet")}
        </p>
      </div>
      {text.seed && (
        <div className="rounded-lg border border-warn/40 bg-warn/10 p-3 text-sm" data-testid="lesson-seed">
          <div className="eyebrow mb-1 !text-warn">{t("learn.seed")}</div>
          {text.seed}
        </div>
      )}
      <div>
        <div className="eyebrow mb-1">{t("learn.spark")}</div>
        <ScrollRegion label={t("learn.spark")} className="rounded-lg bg-surface-2">
          <pre className="w-fit p-3 font-mono text-[12px] leading-relaxed" data-testid="lesson-spark">
            {lesson.spark}
          </pre>
        </ScrollRegion>
      </div>
      <div className="flex justify-between">
        <button type="button" className="btn" onClick={onPrev} disabled={index === 0}>
          ← {t("learn.prev")}
        </button>
        <button type="button" className={`btn ${done ? "btn-primary" : ""}`} onClick={onNext} disabled={index === total - 1} data-testid="lesson-next">
          {t("learn.next")} →
        </button>
      </div>
    </article>
  );
}
