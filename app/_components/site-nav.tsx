"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";

const SECTIONS = [
  { href: "/", label: "总览" },
  { href: "/regions", label: "地区对比" },
  { href: "/trends", label: "年度趋势" },
  { href: "/refusals", label: "不予公开理由" },
  { href: "/penalties", label: "行政处罚" },
  { href: "/reviews", label: "复议诉讼" },
  { href: "/agencies", label: "机关" },
  { href: "/compare", label: "对比" },
] as const;

/** Filters that mean the same on every page travel with the reader from section to section. */
const SHARED_PARAMS = ["place", "year"];

function isActive(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

export function SiteNav() {
  const pathname = usePathname();
  const params = useSearchParams();
  const carried = new URLSearchParams();
  for (const name of SHARED_PARAMS) {
    const value = params.get(name);
    if (value) carried.set(name, value);
  }
  const query = carried.toString();
  return (
    // On a phone the sections wrap onto a second line: every one stays visible, nothing hides off-screen.
    <nav aria-label="栏目" className="-mx-1 flex flex-wrap gap-x-1 gap-y-1 lg:flex-nowrap">
      {SECTIONS.map((s) => {
        const active = isActive(pathname, s.href);
        return (
          <Link
            key={s.href}
            href={query ? `${s.href}?${query}` : s.href}
            aria-current={active ? "page" : undefined}
            className={`shrink-0 rounded px-2.5 py-1.5 text-sm transition-colors sm:px-3 ${
              active ? "bg-white font-medium text-accent" : "text-blue-50 hover:bg-white/15"
            }`}
          >
            {s.label}
          </Link>
        );
      })}
    </nav>
  );
}
