/* fuzz-html.h — checks of sanitised HTML, shared by the harnesses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

/* Aborts (a finding) unless every tag in html is a whitelisted element
 * with safe attributes: no on* handler, style or srcset, and href, src
 * and cite URLs the sanitiser allows. */
void fuzz_check_html (const char *html);
