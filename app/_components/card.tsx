/** The frame every card and chart sits in, its loading state and its empty state. */

export function Card({
  title,
  description,
  actions,
  children,
  className = "",
}: {
  title: string;
  description?: React.ReactNode;
  actions?: React.ReactNode;
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <section className={`min-w-0 rounded-lg border border-slate-200 bg-white shadow-sm ${className}`}>
      <header className="flex flex-wrap items-start justify-between gap-2 border-b border-slate-100 px-4 py-3">
        <div className="min-w-0">
          <h2 className="text-base font-semibold text-slate-900">{title}</h2>
          {description ? <p className="mt-0.5 text-xs leading-5 text-slate-500">{description}</p> : null}
        </div>
        {actions ? <div className="flex shrink-0 flex-wrap gap-2">{actions}</div> : null}
      </header>
      <div className="p-4">{children}</div>
    </section>
  );
}

/** Shown while a card's data loads: the card's shape, so nothing jumps when it arrives. */
export function CardSkeleton({ title, height = 320 }: { title: string; height?: number }) {
  return (
    <Card title={title} description="正在加载数据…">
      <div role="status" aria-label={`${title}加载中`} className="animate-pulse" style={{ height }}>
        <div className="flex h-full items-end gap-3 px-2">
          {[55, 80, 40, 65, 30, 72, 48].map((h, i) => (
            <div key={i} className="flex-1 rounded-t bg-slate-100" style={{ height: `${h}%` }} />
          ))}
        </div>
      </div>
    </Card>
  );
}

export const NO_REPORTS = "该地区暂无年报数据";

export function EmptyState({ message = NO_REPORTS, hint }: { message?: string; hint?: React.ReactNode }) {
  return (
    <div className="flex min-h-40 flex-col items-center justify-center gap-2 rounded border border-dashed border-slate-200 bg-slate-50 px-4 py-8 text-center">
      <p className="text-sm font-medium text-slate-600">{message}</p>
      {hint ? <p className="text-xs leading-5 text-slate-500">{hint}</p> : null}
    </div>
  );
}

export function PageHeader({ title, summary, children }: { title: string; summary?: React.ReactNode; children?: React.ReactNode }) {
  return (
    <div className="mb-5 space-y-3">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">{title}</h1>
        {summary ? <p className="mt-1 max-w-3xl text-sm leading-6 text-slate-600">{summary}</p> : null}
      </div>
      {children}
    </div>
  );
}
