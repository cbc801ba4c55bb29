"""Mapping recipes: the model (polars-free) and the shared op/rule constants in `spec`."""

from ferry.recipe.model import (
    OP_NAMES,
    FieldRecipe,
    Op,
    Recipe,
    RecipeError,
    TemplateRecipe,
    field_from_mapping,
    recipe_from_mapping,
    recipe_from_plan,
    recipe_json_schema,
)

__all__ = [
    "OP_NAMES",
    "FieldRecipe",
    "Op",
    "Recipe",
    "RecipeError",
    "TemplateRecipe",
    "field_from_mapping",
    "recipe_from_mapping",
    "recipe_from_plan",
    "recipe_json_schema",
]
