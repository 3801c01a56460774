"""Budget tables: computed figures laid out as `model.Table` rows, labels from the language file."""
