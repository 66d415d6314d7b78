import type { Metadata, Viewport } from "next";
import { Suspense } from "react";
import Link from "next/link";
import { SiteNav } from "./_components/site-nav";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "政务公开年报图谱", template: "%s · 政务公开年报图谱" },
  description: "政府信息公开工作年度报告数据：依申请公开、不予公开理由、行政处罚、行政复议与诉讼的地区与年度对比",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="zh-CN">
      <body className="min-h-screen">
        <header className="border-b-4 border-seal bg-accent text-white">
          <div className="mx-auto flex max-w-7xl flex-col gap-3 px-4 py-3 lg:flex-row lg:items-center lg:justify-between">
            <Link href="/" className="flex items-baseline gap-3">
              <span className="text-xl font-semibold tracking-wide">政务公开年报图谱</span>
              <span className="hidden text-sm text-blue-100 sm:inline">政府信息公开工作年度报告数据</span>
            </Link>
            <Suspense fallback={<div className="h-9" />}>
              <SiteNav />
            </Suspense>
          </div>
        </header>
        <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
        <footer className="mx-auto max-w-7xl px-4 pb-8 pt-4 text-xs leading-6 text-slate-500">
          数据来自各机关公开发布的《政府信息公开工作年度报告》，经程序读取并按表格勾稽关系校验；推算值与校验问题在机关页面中标注。
          本站只读，不收集个人信息。
        </footer>
      </body>
    </html>
  );
}
