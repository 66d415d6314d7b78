"use client";

import { useEffect, useState, useTransition } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";

export interface FilterOption {
  value: string;
  label: string;
  /** Options with the same group are shown under one heading. */
  group?: string;
}

/** Parameters that point into a paged list go back to the first page when a filter changes. */
const RESET_ON_CHANGE = ["page"];

/**
 * Writes one URL parameter and lets the server components re-render for it, without a full
 * page load (router.replace inside a transition keeps the current view until the new one is ready).
 */
function useParamWriter(name: string) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();
  const write = (value: string) => {
    const next = new URLSearchParams(params.toString());
    if (value) next.set(name, value);
    else next.delete(name);
    for (const reset of RESET_ON_CHANGE) if (reset !== name) next.delete(reset);
    const query = next.toString();
    startTransition(() => router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false }));
  };
  return { write, pending };
}

const fieldClass =
  "w-full rounded border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-800 focus:border-accent focus:outline-none focus:ring-2 focus:ring-accent/20";

function Field({ label, name, pending, children }: { label: string; name: string; pending: boolean; children: React.ReactNode }) {
  return (
    <label className="flex min-w-0 flex-col gap-1 text-xs text-slate-600" htmlFor={`filter-${name}`}>
      <span>
        {label}
        {pending ? <span className="ml-1 text-accent">（更新中…）</span> : null}
      </span>
      {children}
    </label>
  );
}

function groupOptions(options: FilterOption[]): [string | undefined, FilterOption[]][] {
  const groups: [string | undefined, FilterOption[]][] = [];
  for (const option of options) {
    const last = groups.at(-1);
    if (last && last[0] === option.group) last[1].push(option);
    else groups.push([option.group, [option]]);
  }
  return groups;
}

export function FilterSelect({
  name,
  label,
  value,
  options,
}: {
  name: string;
  label: string;
  value: string;
  options: FilterOption[];
}) {
  const { write, pending } = useParamWriter(name);
  return (
    <Field label={label} name={name} pending={pending}>
      <select id={`filter-${name}`} name={name} value={value} onChange={(e) => write(e.target.value)} className={fieldClass}>
        {groupOptions(options).map(([group, items], i) =>
          group ? (
            <optgroup key={`${group}-${i}`} label={group}>
              {items.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          ) : (
            items.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))
          ),
        )}
      </select>
    </Field>
  );
}

const SEARCH_DELAY_MS = 350;

/** A text filter written to the URL once the reader pauses typing. */
export function FilterSearch({ name, label, value, placeholder }: { name: string; label: string; value: string; placeholder?: string }) {
  const { write, pending } = useParamWriter(name);
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  // Only typing restarts the delay; the URL value and the writer change with every navigation.
  useEffect(() => {
    if (text.trim() === value) return;
    const timer = setTimeout(() => write(text.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <Field label={label} name={name} pending={pending}>
      <input
        id={`filter-${name}`}
        name={name}
        type="search"
        value={text}
        placeholder={placeholder}
        maxLength={60}
        onChange={(e) => setText(e.target.value)}
        className={fieldClass}
      />
    </Field>
  );
}

export function FilterBar({ children }: { children: React.ReactNode }) {
  return (
    <form
      role="search"
      aria-label="筛选"
      onSubmit={(e) => e.preventDefault()}
      className="grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-3 shadow-sm sm:grid-cols-3 lg:grid-cols-5"
    >
      {children}
    </form>
  );
}
