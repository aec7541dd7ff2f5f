import type { Metadata } from "next";
import type { ReactNode } from "react";
import { cookies, headers } from "next/headers";
import { LiveProvider } from "@/components/live/LiveProvider";
import { ConnectionBanner } from "@/components/shell/ConnectionBanner";
import { Header } from "@/components/shell/Header";
import { THEME_COOKIE, isTheme } from "@/components/shell/theme";
import { LANG_COOKIE, pickLang, translate } from "@/lib/i18n";
import { I18nProvider } from "@/components/i18n/provider";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const lang = pickLang((await cookies()).get(LANG_COOKIE)?.value, (await headers()).get("accept-language"));
  return { title: translate(lang, "app.title"), description: translate(lang, "app.tagline") };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const jar = await cookies();
  const lang = pickLang(jar.get(LANG_COOKIE)?.value, (await headers()).get("accept-language"));
  const theme = jar.get(THEME_COOKIE)?.value;
  return (
    <html lang={lang} data-theme={isTheme(theme) ? theme : undefined} suppressHydrationWarning>
      <body className="min-h-screen font-sans antialiased">
        <I18nProvider initial={lang}>
          <LiveProvider>
            <Header />
            <ConnectionBanner />
            <main className="mx-auto max-w-[1600px] px-5 pb-16 pt-5">{children}</main>
          </LiveProvider>
        </I18nProvider>
      </body>
    </html>
  );
}
