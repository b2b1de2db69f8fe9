/* `ddlint init`: a skeleton document (or a folder of chapters) from the
 * template, written atomically and never over an existing file unless
 * --force (the skeleton itself: init.c). */
#include "atomic.h"
#include "cli.h"
#include "init.h"
#include "term.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The template a new skeleton names in its front matter: --template when
 * it is not the default (a config that chose it chooses it again). */
static const char *S_init_template_ref(const cli_opts *o) {
  const char *t = o->template_arg;
  return t && strcmp(t, ddlint_default_pack_name()) != 0 ? t : NULL;
}

/* `ddlint init FILE`: the skeleton, written atomically; an existing file is
 * kept unless --force. */
static int S_init_parts(const ddlint_pack *pack, const cli_opts *o,
                        const char *dir) {
  char **names, **texts;
  size_t n = init_parts(pack, dir, S_init_template_ref(o), &names, &texts);
  int status = 0;
  if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
    term_message("ddlint: cannot create %s: %s", dir, strerror(errno));
    status = EXIT_TROUBLE;
  }
  for (size_t i = 0; !status && !o->force && i < n; i++) {
    char *path = xasprintf("%s/%s", dir, names[i]);
    if (access(path, F_OK) == 0) {
      term_message("ddlint: %s exists; not overwriting it (use --force)", path);
      status = EXIT_TROUBLE;
    }
    free(path);
  }
  for (size_t i = 0; !status && i < n; i++) {
    char *path = xasprintf("%s/%s", dir, names[i]);
    if (!atomic_write(path, texts[i], strlen(texts[i]), NULL)) {
      term_message("ddlint: cannot write %s: %s", path, atomic_strerror(errno));
      status = EXIT_TROUBLE;
    }
    free(path);
  }
  for (size_t i = 0; i < n; i++) {
    free(names[i]);
    free(texts[i]);
  }
  free(names);
  free(texts);
  return status;
}

int cli_init(const ddlint_pack *pack, const cli_opts *o, int nargs,
             char **args) {
  if (o->parts) {
    if (nargs != 1 || strcmp(args[0], "-") == 0)
      return cli_usage_error("%s", "init --parts takes one DIR");
    return S_init_parts(pack, o, args[0]);
  }
  if (nargs != 1)
    return cli_usage_error("%s", "init takes one FILE (- for stdout)");
  const char *path = args[0];
  char *text = init_skeleton(pack, path, S_init_template_ref(o));
  int status = 0;
  if (strcmp(path, "-") == 0) {
    fputs(text, stdout);
  } else if (!o->force && access(path, F_OK) == 0) {
    term_message("ddlint: %s exists; not overwriting it (use --force)", path);
    status = EXIT_TROUBLE;
  } else {
    if (!atomic_write(path, text, strlen(text), NULL)) {
      term_message("ddlint: cannot write %s: %s", path, atomic_strerror(errno));
      status = EXIT_TROUBLE;
    }
  }
  free(text);
  return status;
}
